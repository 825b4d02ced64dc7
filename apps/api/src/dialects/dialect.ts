import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { PublicError } from '../errors/http-errors';

/** What an operation sees of an HTTP request: path parameters, query, JSON body and headers. */
export interface RestRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One vendor path over one of the project's own procedures. Two revisions of a vendor's path are
 * two rows naming the same procedure; a row whose body form decides (Symbl's `POST
 * /v1/manage/trackers` takes one object or an array) names one procedure per form.
 */
export interface DialectOperation {
  method: HttpMethod;
  /** OpenAPI style: `/v1/manage/entities/{entityId}`. */
  path: string;
  summary: string;
  tags: string[];
  /** The procedure's dotted path in the app router (`entities.get`), or one per body form. */
  procedure: string | { object: string; array: string };
  /**
   * The procedure's input. Default: query, body fields, `If-Match` and path parameters merged (as
   * the procedures' own REST paths do).
   */
  input?: (request: RestRequest) => unknown;
  /** The vendor's answer built from the procedure's output. Default: the output itself. */
  present?: (output: never, request: RestRequest) => unknown;
  /** Success status when not 200. */
  status?: number;
  /** OpenAPI: the vendor body and answer when they are not the procedure's input and output. */
  body?: z.ZodType;
  response?: z.ZodType;
  /**
   * OpenAPI: the query parameters of a row whose `input` builds the procedure's input (a row
   * without one takes the procedure's input fields as its query on GET and DELETE).
   */
  query?: z.ZodObject;
  /**
   * OpenAPI: the vendor's own words for the operation. What it does not document (a parameter, a
   * header, a field of the body or the answer) is marked a Switchboard extension.
   */
  documentation?: VendorDocumentation;
  /** OpenAPI: a Switchboard operation under the vendor's prefix, not in the vendor's document. */
  extension?: boolean;
}

/** What a vendor's document says of one of its operations. */
export interface VendorDocumentation {
  description: string;
  /** Its path and query parameters' descriptions, by name. */
  parameters: Record<string, string>;
  /** The fields its body and answer document, as dotted paths (`conversations[].id`; `x.*`: any member). */
  body?: string[];
  answer?: string[];
}

/** A vendor family: its paths, and how its errors and headers look on the wire. */
export interface Dialect {
  name: string;
  /** Whether a request path belongs to this family (its errors, 404s and headers). */
  owns(path: string): boolean;
  operations: DialectOperation[];
  /** The family's error body for a described failure. */
  errorBody(error: PublicError, errorId: string): object;
  /** OpenAPI: the credentials every operation of the family takes (security scheme names). */
  security?: Record<string, string[]>[];
  /** Headers on every response of the family (Sharely's `X-API-Version`). */
  headers?: Record<string, string>;
  /**
   * The family's rewrite of every serialized success answer of its paths (Infobip's `+0000`
   * dates), for the procedures' own paths under the family too.
   */
  writeBody?: (json: string) => string;
}
