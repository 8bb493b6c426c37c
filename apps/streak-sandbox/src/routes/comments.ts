// Comments (v2, §4.10) — the note stream on a box — plus the legacy v1 form-encoded twin.
import type { Ctx } from '../domain/ctx';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optList, optString, type Obj } from '../http/input';
import type { BoxRec, CommentRec } from '../store/types';
import { commentView } from '../views/crm';
import { boxFor, childFor } from './access';

function parseMentions(o: Obj): CommentRec['mentions'] | undefined {
  return optList(o, 'mentions')?.map((raw) => {
    const m = asObject(raw);
    if (typeof m.userKey !== 'string' || !Number.isInteger(m.offset) || !Number.isInteger(m.length)) {
      throw badRequest('mentions must be [{userKey, offset, length}]');
    }
    return { userKey: m.userKey, offset: m.offset as number, length: m.length as number };
  });
}

function createComment(ctx: Ctx, b: BoxRec, body: unknown, userKey: string): CommentRec {
  const o = asObject(body);
  const message = optString(o, 'message');
  if (!message?.trim()) throw badRequest('message is required');
  const parent = optString(o, 'parent');
  if (parent !== undefined && ctx.store.find('comments', parent).boxKey !== b.key)
    throw badRequest('parent comment is on another box');
  const now = ctx.store.now();
  const c: CommentRec = {
    key: ctx.store.newKey('comments'),
    boxKey: b.key,
    creatorKey: userKey,
    timestamp: now,
    lastSavedTimestamp: now,
    message,
    mentions: parseMentions(o) ?? [],
    parent: parent ?? null,
    reactions: [],
  };
  ctx.store.state.comments[c.key] = c;
  ctx.store.changed();
  ctx.hooks.emit('COMMENT_CREATE', { pipelineKey: b.pipelineKey }, [commentView(ctx.store, c)]);
  return c;
}

export function registerComments(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  const box = (r: Req) => boxFor(ctx, r.userKey, r.params.boxKey);
  const comment = (r: Req) => childFor(ctx, r.userKey, 'comments', r.params.commentKey);
  const list = (b: BoxRec) =>
    Object.values(store.state.comments)
      .filter((c) => c.boxKey === b.key)
      .sort((x, y) => x.timestamp - y.timestamp)
      .map((c) => commentView(store, c));

  api.get('/v2/boxes/:boxKey/comments', (r) => ({ results: list(box(r)), hasNextPage: false }));
  api.post('/v2/boxes/:boxKey/comments', (r) =>
    commentView(store, createComment(ctx, box(r), r.body, r.userKey)),
  );
  api.get('/v1/boxes/:boxKey/comments', (r) => list(box(r)));
  api.put('/v1/boxes/:boxKey/comments', (r) =>
    commentView(store, createComment(ctx, box(r), r.body, r.userKey)),
  );
  api.get('/v2/comments/:commentKey', (r) => commentView(store, comment(r)));
  api.post('/v2/comments/:commentKey', (r) => {
    const c = comment(r);
    const o = asObject(r.body);
    const message = optString(o, 'message');
    if (message !== undefined && !message.trim()) throw badRequest('message cannot be empty');
    const mentions = parseMentions(o);
    if (message !== undefined) c.message = message;
    if (mentions) c.mentions = mentions;
    c.lastSavedTimestamp = store.now();
    store.changed();
    return commentView(store, c);
  });
  api.del('/v2/comments/:commentKey', (r) => {
    const c = comment(r);
    delete store.state.comments[c.key];
    store.changed();
    return { success: true };
  });
  for (const action of ['react', 'unreact'] as const) {
    api.post(`/v2/comments/:commentKey/${action}`, (r) => {
      const c = comment(r);
      const emoji = optString(asObject(r.body), 'emoji');
      if (!emoji) throw badRequest('emoji is required');
      c.reactions = c.reactions.filter((x) => !(x.emoji === emoji && x.userKey === r.userKey));
      if (action === 'react') c.reactions.push({ emoji, userKey: r.userKey });
      store.changed();
      return commentView(store, c);
    });
  }
}
