/** One-line structured logs to stderr; tests run with LOG_LEVEL=silent or error. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: 'silent' | 'error' | 'info'): Logger {
  const write = (lvl: string, message: string, fields?: Record<string, unknown>): void => {
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), lvl, msg: message, ...fields })}\n`);
  };
  return {
    info: (m, f) => {
      if (level === 'info') write('info', m, f);
    },
    error: (m, f) => {
      if (level !== 'silent') write('error', m, f);
    },
  };
}
