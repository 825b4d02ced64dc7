import { asExtension, extensionMark } from './dialect-parameters';

type JsonSchema = Record<string, unknown>;

/**
 * Marks, in a body or answer schema, every field the vendor's document does not have (`fields`:
 * its dotted paths, `x.*` for an object whose members are free) as a Switchboard extension. Only
 * the outermost such field is marked: what is inside an extension is Switchboard's too.
 */
export function markExtensionFields(schema: JsonSchema, fields: readonly string[]): JsonSchema {
  const documented = new Set(fields);
  const isDocumented = (path: string) =>
    documented.has(path) ||
    documented.has('*') ||
    [...path.matchAll(/\./g)].some((dot) => documented.has(`${path.slice(0, dot.index)}.*`));
  const visit = (node: unknown, prefix: string): void => {
    if (!node || typeof node !== 'object') return;
    const object = node as JsonSchema;
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      if (Array.isArray(object[key])) for (const branch of object[key]) visit(branch, prefix);
    }
    if (object.items) {
      // A list where the vendor has none (a day's intervals where it has one interval).
      const list = `${prefix}[]`;
      if (isDocumented(list) || fields.some((path) => path.startsWith(list))) visit(object.items, list);
      else
        Object.assign(object, {
          description: asExtension(describedAs(object, 'a list where the vendor has one item')),
          ...extensionMark,
        });
    }
    const properties = object.properties as Record<string, JsonSchema> | undefined;
    for (const [name, property] of Object.entries(properties ?? {})) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (isDocumented(path)) {
        visit(property, path);
        continue;
      }
      (properties as Record<string, JsonSchema>)[name] = {
        ...property,
        description: asExtension(describedAs(property, `\`${name}\``)),
        ...extensionMark,
      };
    }
  };
  visit(schema, '');
  return schema;
}

const describedAs = (schema: JsonSchema, fallback: string): string =>
  typeof schema.description === 'string' ? schema.description : fallback;
