import type { Metadata, Viewport } from 'next'
import React from 'react'
import './site.css'

export const metadata: Metadata = {
  title: { default: 'Sổ tay đảng viên điện tử', template: '%s — Sổ tay đảng viên điện tử' },
  description: 'Sổ tay đảng viên điện tử theo Quy định 339-QĐ/TW: văn kiện, tài liệu, sinh hoạt chi bộ, học tập nghị quyết.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b3100f' }

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>
        <header className="site-header">
          <a href="/" className="brand">
            <span aria-hidden="true" className="star">★</span> Sổ tay đảng viên điện tử
          </a>
          <nav aria-label="Tài khoản" className="site-nav">
            <a href="/tai-khoan">Tài khoản</a>
          </nav>
        </header>
        <main id="noi-dung">{children}</main>
      </body>
    </html>
  )
}
