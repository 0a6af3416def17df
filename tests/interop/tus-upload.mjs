// Uploads a file to Vanguard with tus-js-client (the tus project's own client), as a browser or a Node terminal would:
// the first attempt is aborted after two chunks, a second Upload resumes from the same URL (HEAD, then PATCHes).
// Usage: node tus-upload.mjs <endpoint> <file>; env VANGUARD_DEVICE_KEY, VANGUARD_TUS_METADATA (JSON object).
// Prints one JSON line: {"url", "chunksBeforeAbort", "resumedFrom", "evidenceId"}.
import { readFileSync } from 'node:fs';
import * as tusModule from 'tus-js-client';

const tus = tusModule.default ?? tusModule;
const [endpoint, file] = process.argv.slice(2);
const headers = { 'X-Device-Key': process.env.VANGUARD_DEVICE_KEY };
const metadata = JSON.parse(process.env.VANGUARD_TUS_METADATA);
const data = readFileSync(file);
const chunkSize = 64 * 1024;

let url;
let chunks = 0;
await new Promise((resolve, reject) => {
  const upload = new tus.Upload(data, {
    endpoint, chunkSize, metadata, headers, retryDelays: [0, 500, 1000],
    onChunkComplete: () => {
      chunks += 1;
      if (chunks === 2) {
        url = upload.url;
        upload.abort(false).then(resolve, reject);
      }
    },
    onSuccess: () => reject(new Error('the upload finished before it could be interrupted')),
    onError: reject,
  });
  upload.start();
});

let resumedFrom = null;
let evidenceId = null;
await new Promise((resolve, reject) => {
  const upload = new tus.Upload(data, {
    uploadUrl: url, chunkSize, metadata, headers, retryDelays: [0, 500, 1000],
    onAfterResponse: (req, res) => {
      if (req.getMethod() === 'HEAD' && resumedFrom === null) resumedFrom = Number(res.getHeader('Upload-Offset'));
      const id = res.getHeader('Evidence-Id');
      if (id) evidenceId = id;
    },
    onSuccess: resolve,
    onError: reject,
  });
  upload.start();
});

console.log(JSON.stringify({ url, chunksBeforeAbort: chunks, resumedFrom, evidenceId }));
