'use client'
/** "Đăng xuất": POST /api/users/logout ends the session and clears the cookie, then back to the sign-in page. */
import { useState } from 'react'

export function LogoutButton() {
  const [problem, setProblem] = useState('')
  async function logout() {
    setProblem('')
    const res = await fetch('/api/users/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => null)
    // 400 means there was no session left to end.
    if (res && (res.ok || res.status === 400)) return window.location.assign('/dang-nhap')
    setProblem('Chưa đăng xuất được. Vui lòng kiểm tra mạng rồi thử lại.')
  }
  return (
    <div className="logout">
      <p role="alert" className={problem ? 'field-error' : 'visually-hidden'}>
        {problem}
      </p>
      <button type="button" className="button secondary" onClick={logout}>
        Đăng xuất
      </button>
    </div>
  )
}
