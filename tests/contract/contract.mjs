// The API contract check: recorded exchanges (one JSON object a line, written by tests/support/ContractRecorder.h
// and tests/e2e/lib.sh) judged against the OpenAPI document with JSON Schema (Ajv, draft 2020-12 as OpenAPI 3.1
// uses it). For each exchange: the operation its method and path resolve to, a status that operation documents,
// a response body of a documented media type that validates against the documented schema, and, when the server
// accepted the request (2xx), a request body and query parameters that the document allows.
import Ajv2020 from 'ajv/dist/2020.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const DOC_ID = 'https://gatehouse.invalid/openapi.json';

// JSON pointer escaping of one reference token.
const pointer = (...tokens) => tokens.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export class Contract {
    constructor(document) {
        this.document = document;
        // OpenAPI adds keywords of its own (discriminator, example, ...): not strict. Formats are annotations here.
        this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
        this.ajv.addSchema({ ...document, $id: DOC_ID });
        this.validators = new Map();
        this.operations = [];
        for (const [path, item] of Object.entries(document.paths ?? {})) {
            const segments = path.split('/');
            for (const method of METHODS) {
                if (!item[method]) continue;
                this.operations.push({
                    method: method.toUpperCase(),
                    path,
                    segments,
                    literals: segments.filter((s) => !s.startsWith('{')).length,
                    operation: item[method],
                    parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map((p) =>
                        this.resolve(p),
                    ),
                    where: pointer('paths', path, method),
                });
            }
        }
        // The most literal pattern first, as a router prefers /users/me over /users/{user}.
        this.operations.sort((a, b) => b.literals - a.literals);
    }

    // An object of the document, following a local $ref.
    resolve(object) {
        let o = object;
        while (o && typeof o.$ref === 'string' && o.$ref.startsWith('#/')) {
            o = o.$ref
                .slice(2)
                .split('/')
                .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
                .reduce((node, key) => node?.[key], this.document);
        }
        return o;
    }

    // A validator for the schema at `where` (a JSON pointer into the document, without the leading '#').
    validator(where) {
        if (!this.validators.has(where)) this.validators.set(where, this.ajv.compile({ $ref: `${DOC_ID}#/${where}` }));
        return this.validators.get(where);
    }

    // The operation of METHOD PATH (path percent-encoded, as sent), with its path parameters; or, when the path
    // exists with other methods only, { allowed }.
    match(method, rawPath) {
        const segments = rawPath.split('/').map((s) => {
            try {
                return decodeURIComponent(s);
            } catch {
                return s;
            }
        });
        const allowed = [];
        for (const o of this.operations) {
            if (o.segments.length !== segments.length) continue;
            const params = {};
            const fits = o.segments.every((p, i) => {
                if (p.startsWith('{')) {
                    params[p.slice(1, -1)] = segments[i];
                    return segments[i] !== '';
                }
                return p === segments[i];
            });
            if (!fits) continue;
            if (o.method === method) return { ...o, params };
            allowed.push(o.method);
        }
        return { allowed };
    }

    // The violations of one exchange, as strings; empty when it keeps the contract.
    check(exchange) {
        const violations = [];
        const [rawPath, rawQuery = ''] = exchange.target.split(/\?(.*)/s);
        const o = this.match(exchange.method, rawPath);
        if (!o.operation) {
            // No such operation: the server must say so (404 for no path, 405 for a wrong method).
            const expected = o.allowed.length ? 405 : 404;
            if (exchange.status !== expected && !(exchange.status === 429 || exchange.status === 400))
                violations.push(`no operation ${exchange.method} ${rawPath}, yet answered ${exchange.status}`);
            return { violations };
        }
        const id = o.operation.operationId;
        const responses = o.operation.responses ?? {};
        const response = this.resolve(responses[String(exchange.status)] ?? responses[`${String(exchange.status)[0]}XX`] ?? responses.default);
        if (!response) {
            violations.push(`${id}: status ${exchange.status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
            return { operationId: id, violations };
        }
        violations.push(...this.checkResponse(o, exchange, response));
        if (exchange.status >= 200 && exchange.status < 300) {
            violations.push(...this.checkRequestBody(o, exchange));
            violations.push(...this.checkQuery(o, rawQuery));
        }
        return { operationId: id, violations };
    }

    checkResponse(o, exchange, response) {
        const id = o.operation.operationId;
        const type = (exchange.response_content_type ?? '').split(';')[0].trim().toLowerCase();
        const content = response.content ?? {};
        const hasBody = exchange.streamed || (exchange.response_body ?? '') !== '';
        if (!hasBody) {
            // HEAD and 204 carry no body; a documented body that is missing is a violation elsewhere.
            if (Object.keys(content).length && exchange.method !== 'HEAD' && exchange.status !== 204)
                return [`${id} ${exchange.status}: no body, but the document describes one (${Object.keys(content).join(', ')})`];
            return [];
        }
        if (!Object.keys(content).length) return [`${id} ${exchange.status}: a body (${type}) where the document describes none`];
        if (!(type in content)) return [`${id} ${exchange.status}: content type "${type}" is not documented (${Object.keys(content).join(', ')})`];
        if (exchange.streamed || !/(^|\+)json$|\/json$/.test(type) || !content[type].schema) return [];
        let body;
        try {
            body = JSON.parse(exchange.response_body);
        } catch {
            return [`${id} ${exchange.status}: the ${type} body is not JSON`];
        }
        const where = pointer(...this.responsePath(o, exchange.status), 'content', type, 'schema');
        return this.schemaErrors(where, body, `${id} ${exchange.status} response`);
    }

    // Where the response object of `status` is, as pointer tokens (through a components/responses $ref).
    responsePath(o, status) {
        const responses = o.operation.responses;
        const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default';
        const ref = responses[key].$ref;
        if (ref) return ref.slice(2).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
        return [...o.where.split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')), 'responses', key];
    }

    checkRequestBody(o, exchange) {
        const id = o.operation.operationId;
        const requestBody = this.resolve(o.operation.requestBody);
        const sent = (exchange.request_body ?? '') !== '';
        if (!requestBody) return sent ? [`${id}: accepted a request body, but the document describes none`] : [];
        if (!sent) return requestBody.required ? [`${id}: accepted a request without its required body`] : [];
        const type = (exchange.request_content_type ?? '').split(';')[0].trim().toLowerCase();
        if (!(type in (requestBody.content ?? {}))) return [`${id}: accepted a body of type "${type}", not documented`];
        let body;
        try {
            body = JSON.parse(exchange.request_body);
        } catch {
            return [`${id}: accepted a request body that is not JSON`];
        }
        const tokens = o.operation.requestBody.$ref
            ? o.operation.requestBody.$ref.slice(2).split('/')
            : [...o.where.split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')), 'requestBody'];
        return this.schemaErrors(pointer(...tokens, 'content', type, 'schema'), body, `${id} accepted request`);
    }

    checkQuery(o, rawQuery) {
        const id = o.operation.operationId;
        const violations = [];
        const documented = new Map(o.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
        for (const [name, value] of new URLSearchParams(rawQuery)) {
            const p = documented.get(name);
            if (!p) {
                violations.push(`${id}: accepted the undocumented query parameter "${name}"`);
                continue;
            }
            const schema = this.resolve(p.schema) ?? {};
            let typed = value;
            if (schema.type === 'integer' || schema.type === 'number') typed = value.trim() === '' ? NaN : Number(value);
            else if (schema.type === 'boolean') typed = value === 'true' ? true : value === 'false' ? false : value;
            const key = JSON.stringify(schema);
            if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile(schema));
            const check = this.validators.get(key);
            if (!check(typed))
                violations.push(`${id}: accepted the query parameter ${name}=${JSON.stringify(value)}: ${this.ajv.errorsText(check.errors)}`);
        }
        return violations;
    }

    schemaErrors(where, value, what) {
        const validate = this.validator(where);
        if (validate(value)) return [];
        return [`${what} does not match #/${where}: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`];
    }
}

// Every exchange checked: { exchanges, covered: Set of operationIds, violations: [{test, exchange, message}] }.
export function checkAll(document, exchanges) {
    const contract = new Contract(document);
    const covered = new Set();
    const violations = [];
    for (const exchange of exchanges) {
        const { operationId, violations: found } = contract.check(exchange);
        if (operationId) covered.add(operationId);
        for (const message of found) violations.push({ test: exchange.test, exchange, message });
    }
    return { exchanges: exchanges.length, covered, total: contract.operations.length, violations, contract };
}
