import { prefetchTaskList } from './task-list-query';

/**
 * Imported first by main.tsx: on `/tasks…` the first page of the register is requested before React
 * and the rest of the app are even evaluated (the task-list page takes the answer; see task-list-query.ts).
 */
prefetchTaskList(window.location);
