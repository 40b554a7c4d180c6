import { IsOptional, Matches, Max, MaxLength, Min, type ValidationArguments } from 'class-validator';
import { translate, type MessageKey } from './i18n.js';

/** class-validator messages, translated at validation time in the request's language. */
const say = (key: MessageKey, extra: Record<string, string | number> = {}) => ({
  message: (args: ValidationArguments) => translate(key, { field: args.property, ...extra }),
});

type PropertyDecorator = (target: object, property: string) => void;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((d) => d(target, property));
}

/** Text that must have a visible character and at most `max` characters. Stored exactly as given. */
export const NonBlank = (max: number): PropertyDecorator =>
  all(MaxLength(max, say('tooLong', { max })), Matches(/\S/u, say('blank')));

/** Optional text of at most `max` characters (null clears it). */
export const OptionalText = (max: number): PropertyDecorator => all(IsOptional(), MaxLength(max, say('tooLong', { max })));

export const AdminCode = (): PropertyDecorator => Matches(/^\d{6}$/, say('adminCode'));

export const Phone = (): PropertyDecorator => all(IsOptional(), Matches(/^[0-9+\- ]{3,30}$/, say('phoneFormat')));

export const Username = (): PropertyDecorator => Matches(/^[A-Za-z0-9._-]{2,64}$/, say('usernameFormat'));

/** A measured value: finite and within ±1e12 (keeps every sum and ratio in SQL finite). */
export const Measure = (): PropertyDecorator => all(IsOptional(), Min(-1e12, say('outOfRange')), Max(1e12, say('outOfRange')));

export { IsOptional };
