// The rule lives in the domain: the desk's flags and the LINE groups' morning digest must agree.
export { overdueWorkingDays } from '@banmae/domain';
