import type { Metadata, Viewport } from 'next'
import React from 'react'
import { DisplaySettings } from './_components/DisplaySettings'
import './site.css'

export const metadata: Metadata = {
  title: { default: 'Sổ tay đảng viên điện tử', template: '%s — Sổ tay đảng viên điện tử' },
  description: 'Sổ tay đảng viên điện tử theo Quy định 339-QĐ/TW: văn kiện, tài liệu, sinh hoạt chi bộ, học tập nghị quyết.',
  manifest: '/manifest.webmanifest',
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'Sổ tay đảng viên', statusBarStyle: 'default' },
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b3100f' }

/** Applied before the first paint: the reader's text size and contrast, then the service worker. */
const BOOT = `try{var d=JSON.parse(localStorage.getItem('sotay-display')||'{}');if(d.scale)document.documentElement.style.setProperty('--scale',d.scale);if(d.contrast)document.documentElement.dataset.contrast='high'}catch(e){}
if('serviceWorker' in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(){})})`

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: BOOT }} />
      </head>
      <body>
        <a className="skip-link" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            <span aria-hidden="true" className="star">★</span> Sổ tay đảng viên điện tử
          </a>
          <nav aria-label="Chính" className="site-nav">
            <a href="/">Trang chủ</a>
            <a href="/van-ban">Văn bản</a>
            <a href="/tim-kiem">Tìm kiếm</a>
            <a href="/tai-khoan">Tài khoản</a>
          </nav>
          <DisplaySettings />
        </header>
        <main id="noi-dung" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  )
}
