/** What a console action answers to the dialog that asked for it. */
export type ActionResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };
