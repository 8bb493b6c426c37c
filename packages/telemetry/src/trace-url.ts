// The run page's link into a trace UI: a template with {traceId}, e.g. Jaeger's http://jaeger:16686/trace/{traceId}.

/** The link for a trace, or undefined without a template or a well-formed trace id. */
export function traceUrl(template: string | undefined, traceId: string | null | undefined): string | undefined {
  if (!template || !traceId || !/^[0-9a-f]{32}$/.test(traceId)) return undefined;
  return template.split('{traceId}').join(traceId);
}
