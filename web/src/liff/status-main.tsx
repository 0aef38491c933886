import { StatusApp } from './StatusApp.tsx';
import { boot } from './boot/boot.tsx';

/**
 * "เรื่องของฉัน" and the case pages (cases.html, Hosting's /cases/**): their own entry, without the
 * form's code, so they are within their budget before data (issue 11).
 */
boot((session) => <StatusApp session={session} />);
