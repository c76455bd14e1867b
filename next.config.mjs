import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Types are checked once for the whole project by `npm run typecheck` (run by .ci/run), not again in
  // every `next build`: that keeps a newcomer's first `npm start` shorter.
  typescript: { ignoreBuildErrors: true },
  // Heavy server-only packages stay out of the bundles.
  serverExternalPackages: ['@huggingface/transformers', 'onnxruntime-node', 'tesseract.js', 'espeak-ng', 'exceljs', '@napi-rs/canvas', 'pdfjs-dist'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
