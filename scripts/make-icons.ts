/**
 * The member site's app icons (public/icons/*.png) from public/icons/icon.svg: 192 and 512 px (also
 * used as maskable: the drawing keeps inside the safe circle), and the 180 px Apple touch icon.
 * Run once after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

const dir = path.join(process.cwd(), 'public', 'icons')
const svg = readFileSync(path.join(dir, 'icon.svg'))
for (const [name, size] of [['icon-192.png', 192], ['icon-512.png', 512], ['apple-touch-icon.png', 180]] as const) {
  await sharp(svg, { density: Math.ceil((72 * size) / 512) * 2 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(dir, name))
  console.log(`public/icons/${name} (${size}×${size})`)
}
