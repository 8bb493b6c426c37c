// Reads a request body up to a limit without buffering more than that, so an oversized delivery costs
// at most `maxBytes` of memory before it is refused.
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false }> {
  if (!body) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
