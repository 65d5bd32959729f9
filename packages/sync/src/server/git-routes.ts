/**
 * Git's smart HTTP endpoints over a Grove repository: the ref
 * advertisements, upload-pack (clone, fetch) and receive-pack (push).
 */
import type { Repo } from '@grove/store';
import { encodeAdvertisement, type Service } from '../protocol/advertise.js';
import { parseReceiveRequest, receivePack, RECEIVE_CAPABILITIES, reportStatus } from '../protocol/receive-pack.js';
import { parseUploadRequest, uploadPack, UPLOAD_CAPABILITIES } from '../protocol/upload-pack.js';
import type { WireResponse } from './wire.js';

const HEADS = 'refs/heads/';

/** Branch and tag refs, and the ref HEAD points at: `main` when it exists, else the first branch. */
async function refsOf(repo: Repo): Promise<{ refs: Map<string, string>; head: string | undefined }> {
  const refs = new Map([...(await repo.backend.refs.list(HEADS)), ...(await repo.backend.refs.list('refs/tags/'))]);
  const head = refs.has(`${HEADS}main`) ? `${HEADS}main` : [...refs.keys()].sort().find((r) => r.startsWith(HEADS));
  return { refs, head };
}

function gitResponse(contentType: string, body: readonly Buffer[]): WireResponse {
  return { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-cache' }, body };
}

/** `GET /info/refs?service=...`. */
export async function advertise(repo: Repo, service: Service): Promise<WireResponse> {
  const { refs, head } = await refsOf(repo);
  const caps = service === 'git-upload-pack' ? UPLOAD_CAPABILITIES : RECEIVE_CAPABILITIES;
  return gitResponse(`application/x-${service}-advertisement`, [encodeAdvertisement(service, refs, caps, head)]);
}

/** `POST /git-upload-pack`. */
export async function serveUploadPack(repo: Repo, body: Buffer): Promise<WireResponse> {
  return gitResponse('application/x-git-upload-pack-result', await uploadPack(repo.backend.objects, parseUploadRequest(body)));
}

/** `POST /git-receive-pack`. */
export async function serveReceivePack(repo: Repo, body: Buffer): Promise<WireResponse> {
  const { commands, capabilities, pack } = parseReceiveRequest(body);
  const results = await receivePack(repo, commands, pack);
  return gitResponse('application/x-git-receive-pack-result', reportStatus(results, capabilities.has('side-band-64k')));
}
