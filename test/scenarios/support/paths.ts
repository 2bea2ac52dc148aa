/** Element ids worth asserting in a history path (no flows, gateways or inner merges). */
export const meaningful = (id: string): boolean => !/^(Flow_|Gateway_|Split_|Join_)/.test(id);

/** Person ids of workflows' demo seed (n = 1…30). */
export const demoPerson = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An ISO instant in Vietnam time. */
export const vn = (local: string): string => `${local}+07:00`;
