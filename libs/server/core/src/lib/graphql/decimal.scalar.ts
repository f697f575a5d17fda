import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Up to 14 digits before the point and 2 after: PostgreSQL numeric(16,2), as used for MAD amounts. */
const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;

function parse(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  throw new GraphQLError(
    'Decimal values are strings of digits with an optional decimal point, such as "500000000.00"',
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/**
 * Exact amounts and quantities as strings ("500000000.00"): PostgreSQL numeric in, numeric out,
 * never through a binary float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, such as "500000000.00" (MAD amounts, hectares).',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new GraphQLError('Decimal values must come from numeric columns as strings');
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Decimal literals are strings, such as "500000000.00"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
