import type { ErrorObject } from 'ajv';
import type Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { Locale } from '../form.types';
import { AJV_OPTIONS, extendAjv } from './ajv.factory';
import { messageFor } from './error-messages';

type RjsfValidator = ReturnType<typeof customizeValidator>;
const validators = new Map<Locale, RjsfValidator>();

/**
 * The browser's RJSF validator: @rjsf/validator-ajv8 built with the same ajv class (2019), options,
 * formats and keywords as the server, and our vi/en messages. The server remains the authority
 * (it also rejects undefined fields and recomputes x-computed fields).
 */
export function createRjsfValidator(locale: Locale = 'vi'): RjsfValidator {
  let validator = validators.get(locale);
  if (!validator) {
    validator = customizeValidator(
      {
        AjvClass: Ajv2019 as unknown as typeof Ajv,
        ajvOptionsOverrides: AJV_OPTIONS,
        extenderFn: (ajv) => extendAjv(ajv),
      },
      (errors?: null | ErrorObject[]) => {
        for (const error of errors ?? []) {
          error.message = messageFor(error.keyword, error.params as Record<string, unknown>, error.message)[locale];
        }
      },
    );
    validators.set(locale, validator);
  }
  return validator;
}
