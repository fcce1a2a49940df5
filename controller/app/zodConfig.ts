/**
 * Imported first by the controller's wiring module, before any schema is built. zod 4 probes
 * `new Function("")` to decide whether to compile fast parsers; under the page's CSP
 * (script-src 'self', no 'unsafe-eval') the probe fails anyway and is reported as a
 * securitypolicyviolation on every load. jitless skips the probe: same parsing, no noise that
 * would hide a real violation.
 */
import { config } from 'zod';

config({ jitless: true });
