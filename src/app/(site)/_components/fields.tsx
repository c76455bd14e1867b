/**
 * Form boxes for older readers: a visible label on every box, the hint and the error written out under the
 * label and tied to the box (aria-describedby), large tap targets (see site.css).
 */
import type { InputHTMLAttributes, ReactNode } from 'react'
import { tidyDateInput } from '../_lib/format'
import type { BranchGroup } from '../_lib/branches'

type Common = { idPrefix: string; name: string; label: string; hint?: ReactNode; error?: string; optional?: boolean }

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  return (
    <label htmlFor={id} className="label">
      {label}
      {optional && <span className="optional"> (không bắt buộc)</span>}
    </label>
  )
}

function Notes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Lỗi: </span>
          {error}
        </p>
      )}
    </>
  )
}

export function TextField({ idPrefix, name, label, hint, error, optional, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${idPrefix}-${name}`
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <Label id={id} label={label} optional={optional} />
      <Notes id={id} hint={hint} error={error} />
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} required={!optional} {...input} />
    </div>
  )
}

/** A date typed as ngày/tháng/năm; "15031960" is tidied to "15/03/1960" when the box is left. */
export function DateField(props: Common & { defaultValue?: string; autoComplete?: string }) {
  return (
    <TextField
      {...props}
      type="text"
      inputMode="numeric"
      placeholder="ngày/tháng/năm"
      hint={props.hint ?? 'Ví dụ: 15/03/1960'}
      onBlur={(e) => {
        e.currentTarget.value = tidyDateInput(e.currentTarget.value)
      }}
    />
  )
}

export function GenderField({ idPrefix, error, defaultValue }: { idPrefix: string; error?: string; defaultValue?: string }) {
  const id = `${idPrefix}-gender`
  return (
    <fieldset id={id} className={error ? 'field choice has-error' : 'field choice'} aria-describedby={error ? `${id}-error` : undefined} tabIndex={-1}>
      <legend className="label">Giới tính</legend>
      <Notes id={id} error={error} />
      {[
        ['nam', 'Nam'],
        ['nu', 'Nữ'],
      ].map(([value, text]) => (
        <label key={value} className="choice-option">
          <input type="radio" name="gender" value={value} defaultChecked={defaultValue === value} required />
          {text}
        </label>
      ))}
    </fieldset>
  )
}

export function BranchField({ idPrefix, error, groups, defaultValue, hint }: { idPrefix: string; error?: string; groups: BranchGroup[]; defaultValue?: string; hint?: ReactNode }) {
  const id = `${idPrefix}-branch`
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <Label id={id} label="Chi bộ" />
      <Notes id={id} hint={hint ?? 'Chi bộ nơi đồng chí đang sinh hoạt.'} error={error} />
      <select id={id} name="branch" defaultValue={defaultValue ?? ''} required aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, true, error)}>
        <option value="" disabled>
          — Chọn chi bộ —
        </option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.branches.map((b) => (
              <option key={b.id} value={String(b.id)}>
                {b.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}

export function PasswordField(props: Common & { autoComplete: string }) {
  return <TextField {...props} type="password" data-password="" />
}

/** A "Hiện mật khẩu" switch for the password boxes of its form: typing blind is hard for many older members. */
export function ShowPasswords() {
  return (
    <label className="check">
      <input
        type="checkbox"
        onChange={(e) => {
          const type = e.currentTarget.checked ? 'text' : 'password'
          e.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[data-password]').forEach((box) => (box.type = type))
        }}
      />
      Hiện mật khẩu
    </label>
  )
}

/** A filter of a list: "Tất cả" first, then the given choices; the form's GET submits it without any script. */
export function FilterSelect({ idPrefix, name, label, value, options }: { idPrefix: string; name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  const id = `${idPrefix}-${name}`
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">Tất cả</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
