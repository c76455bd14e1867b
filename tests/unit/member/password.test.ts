/** Password rules (src/lib/member/password.ts): length, common passwords, the member's own numbers. */
import { checkPassword } from '../../../src/lib/member/password'

const refused = (password: string, person = {}) => {
  const checked = checkPassword(password, person)
  return checked.ok ? null : checked.message
}

it('accepts the demo password and ordinary long passwords', () => {
  expect(refused('SoTay@2025')).toBeNull()
  expect(refused('Hoa-Phuong-Do-2026')).toBeNull()
})

it('refuses passwords under 10 characters, counting characters rather than bytes', () => {
  expect(refused('abc')).toMatch(/ít nhất 10 ký tự/)
  expect(refused('12345678')).toMatch(/ít nhất 10 ký tự/)
  expect(refused('Đảng-viên')).toMatch(/ít nhất 10 ký tự/) // 9 characters, more bytes
})

it('refuses common passwords whatever their case', () => {
  for (const p of ['1234567890', 'qwertyuiop', 'Password123', 'PASSWORD123']) expect(refused(p)).toMatch(/phổ biến/)
})

it('refuses the member’s own card number or phone, however written', () => {
  const person = { cardNumber: '31.820.101.12', phone: '0912345671' }
  expect(refused('3182010112', person)).toMatch(/số thẻ đảng viên hoặc số điện thoại/)
  expect(refused('0912 345 671', person)).toMatch(/số thẻ đảng viên hoặc số điện thoại/)
  expect(refused('0912-345-671', person)).toMatch(/số thẻ đảng viên hoặc số điện thoại/)
  expect(refused('0912345672', person)).toBeNull()
})
