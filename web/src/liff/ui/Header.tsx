import s from './ui.module.css';
import { config } from '../env.ts';

export function Header({ title }: { title: string }) {
  return (
    <header class={s.header}>
      <h1>{title}</h1>
      <p>{config.municipality.nameTh}</p>
    </header>
  );
}
