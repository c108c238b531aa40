import { maskPiiInText } from "@/lib/pii/mask";

/**
 * Structured JSON logs on stdout. Every line passes through the PII mask, so an ID number,
 * mobile or card number that slips into a message or an error never reaches the log.
 */
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown> & { err?: unknown };

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = LEVELS[(process.env.LOG_LEVEL as Level) ?? "info"] ?? LEVELS.info;

export type LogSink = (line: string) => void;
let sink: LogSink = (line) => process.stdout.write(`${line}\n`);

/** Tests capture log output to prove nothing personal is written. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

function serializeError(err: unknown) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return err;
}

function write(level: Level, fields: Fields, msg: string) {
  if (LEVELS[level] < threshold) return;
  const { err, ...rest } = fields;
  const record = { level, time: new Date().toISOString(), msg, ...rest, ...(err ? { err: serializeError(err) } : {}) };
  sink(maskPiiInText(JSON.stringify(record)));
}

export const logger = {
  debug: (fields: Fields, msg: string) => write("debug", fields, msg),
  info: (fields: Fields, msg: string) => write("info", fields, msg),
  warn: (fields: Fields, msg: string) => write("warn", fields, msg),
  error: (fields: Fields, msg: string) => write("error", fields, msg),
};
