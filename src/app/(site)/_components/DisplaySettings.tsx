'use client'
/**
 * Cỡ chữ (100 % to 200 %) and a high-contrast theme, kept in this browser (localStorage) and applied
 * before the first paint by the layout's inline script.
 */
import { useEffect, useState } from 'react'

const SIZES = [1, 1.25, 1.5, 1.75, 2]

function apply(scale: number, contrast: boolean) {
  const root = document.documentElement
  root.style.setProperty('--scale', String(scale))
  if (contrast) root.dataset.contrast = 'high'
  else delete root.dataset.contrast
  try {
    localStorage.setItem('sotay-display', JSON.stringify({ scale, contrast }))
  } catch {}
}

export function DisplaySettings() {
  const [scale, setScale] = useState(1)
  const [contrast, setContrast] = useState(false)
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem('sotay-display') || '{}')
      if (SIZES.includes(saved.scale)) setScale(saved.scale)
      setContrast(!!saved.contrast)
    } catch {}
  }, [])
  const change = (next: number, high: boolean) => {
    setScale(next)
    setContrast(high)
    apply(next, high)
  }
  const i = SIZES.indexOf(scale)
  return (
    <details className="display-settings">
      <summary>Cỡ chữ, màu</summary>
      <div className="display-panel" role="group" aria-label="Cỡ chữ và màu nền">
        <p className="display-size" aria-live="polite">
          Cỡ chữ: <strong>{Math.round(scale * 100)}%</strong>
        </p>
        <div className="display-buttons">
          <button type="button" className="button secondary" onClick={() => change(SIZES[Math.max(0, i - 1)], contrast)} disabled={i <= 0}>
            Chữ nhỏ hơn
          </button>
          <button type="button" className="button secondary" onClick={() => change(SIZES[Math.min(SIZES.length - 1, i + 1)], contrast)} disabled={i >= SIZES.length - 1}>
            Chữ to hơn
          </button>
        </div>
        <button type="button" className="button secondary" aria-pressed={contrast} onClick={() => change(scale, !contrast)}>
          {contrast ? 'Tắt tương phản cao' : 'Bật tương phản cao'}
        </button>
      </div>
    </details>
  )
}
