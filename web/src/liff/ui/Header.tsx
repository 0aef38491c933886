import { useEffect } from 'preact/hooks';
import s from './ui.module.css';
import { config } from '../env.ts';

/** The page's one h1, which also names the document (each page its own title, for tabs and screen readers). */
export function Header({ title }: { title: string }) {
  useEffect(() => {
    document.title = `${title} · ${config.municipality.nameTh}`;
  }, [title]);
  return (
    <header class={s.header}>
      <h1>{title}</h1>
      <p>{config.municipality.nameTh}</p>
    </header>
  );
}
