import { ValidateIf } from 'class-validator';

/**
 * An input field that may be left out (and then stays as it is), but whose column has no "nothing":
 * unlike `IsOptional`, an explicit null goes on to the other validators and is refused.
 */
export const IsOptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
