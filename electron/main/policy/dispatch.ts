import { METHODS, type MethodName } from '../../../shared/contract/methods';
import { serializeError, type Result } from '../../../shared/contract/result';

export interface Dispatch {
  engine: (method: MethodName, request: unknown) => Promise<Result<unknown>>;
  shell: (method: MethodName, request: unknown) => Promise<unknown>;
}

/**
 * One IPC request: validate it against the contract, route it, and always answer with a Result
 * (errors never cross the boundary as exceptions). Pure, so the tests run it without Electron.
 */
export async function dispatch(method: string, request: unknown, route: Dispatch): Promise<Result<unknown>> {
  if (!Object.hasOwn(METHODS, method)) {
    return { ok: false, error: { name: 'ContractError', message: `Unknown method ${method}.` } };
  }
  const name = method as MethodName;
  const parsed = METHODS[name].request.safeParse(request ?? {});
  if (!parsed.success) {
    return { ok: false, error: { name: 'ValidationError', message: `Invalid request for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'} ${i.message}`).join('; ')}` } };
  }
  try {
    if (METHODS[name].handler === 'engine') return await route.engine(name, parsed.data);
    return { ok: true, value: await route.shell(name, parsed.data) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}
