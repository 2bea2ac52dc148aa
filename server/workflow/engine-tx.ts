import type { CommandOptions } from '../../engine/index';

/** Our transaction handed to an engine command (the engine types its own tables only). */
export function engineTx(tx: unknown): CommandOptions['tx'] {
  return tx as CommandOptions['tx'];
}
