/**
 * The messages the order timeline shows. `signed` callbacks all carry the same SMS text (with
 * the raw signing URL): it is kept once, under the first step that carried it, marked `sms` so
 * the page shows it collapsed. Other messages (errors, rejections) are kept as they are.
 */
export function timelineMessages(events: readonly { id: string; kind: string; message: string | null }[]): Map<string, { text: string; sms: boolean }> {
  const shown = new Set<string>();
  const out = new Map<string, { text: string; sms: boolean }>();
  for (const e of events) {
    if (!e.message) continue;
    const sms = e.kind === "SIGNED";
    if (sms && shown.has(e.message)) continue;
    shown.add(e.message);
    out.set(e.id, { text: e.message, sms });
  }
  return out;
}
