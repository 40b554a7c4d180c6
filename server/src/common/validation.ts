import { IsOptional, Matches, Max, MaxLength, Min, ValidateBy, type ValidationArguments } from 'class-validator';
import { normalizeUsername } from './auth.js';
import { translate, type MessageKey } from './i18n.js';

/** class-validator messages, translated at validation time in the request's language. */
const say = (key: MessageKey, extra: Record<string, string | number> = {}) => ({
  message: (args: ValidationArguments) => translate(key, { field: args.property, ...extra }),
});

type PropertyDecorator = (target: object, property: string) => void;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((d) => d(target, property));
}

/** What a MySQL/MariaDB TEXT column holds, in bytes (an emoji takes 4 in UTF-8, a Chinese character 3). */
export const TEXT_BYTES = 65_535;

/** At most `max` bytes of UTF-8. */
const MaxBytes = (max: number): PropertyDecorator =>
  ValidateBy({
    name: 'maxBytes',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || Buffer.byteLength(value, 'utf8') <= max,
      defaultMessage: (args?: ValidationArguments) => translate('tooManyBytes', { field: args?.property ?? '', max }),
    },
  });

/** Texts that may outgrow a TEXT column in bytes before they reach `max` characters are also checked in bytes. */
const bytesOf = (max: number): PropertyDecorator[] => (max * 4 > TEXT_BYTES ? [MaxBytes(TEXT_BYTES)] : []);

/** Text that must have a visible character and at most `max` characters. Stored exactly as given. */
export const NonBlank = (max: number): PropertyDecorator =>
  all(MaxLength(max, say('tooLong', { max })), ...bytesOf(max), Matches(/\S/u, say('blank')));

/** Optional text of at most `max` characters (null clears it). */
export const OptionalText = (max: number): PropertyDecorator => all(IsOptional(), MaxLength(max, say('tooLong', { max })), ...bytesOf(max));

export const AdminCode = (): PropertyDecorator => Matches(/^\d{6}$/, say('adminCode'));

export const Phone = (): PropertyDecorator => all(IsOptional(), Matches(/^[0-9+\- ]{3,30}$/, say('phoneFormat')));

/** A username as it will be stored: checked after normalization (NFKC, trimmed, lower case), so " Zhaxi" and full-width ｚｈａｘｉ are the same name as zhaxi. */
export const Username = (): PropertyDecorator =>
  ValidateBy({
    name: 'username',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^[a-z0-9._-]{2,64}$/.test(normalizeUsername(value)),
      defaultMessage: (args?: ValidationArguments) => translate('usernameFormat', { field: args?.property ?? '' }),
    },
  });

/** A measured value: finite and within ±1e12 (keeps every sum and ratio in SQL finite). */
export const Measure = (): PropertyDecorator => all(IsOptional(), Min(-1e12, say('outOfRange')), Max(1e12, say('outOfRange')));

export { IsOptional };
