/** Pattern sources shared by the rules. */

const NOT_AFTER_NUMBER = '(?<![\\p{N}]|\\p{N}[.,])'
const NOT_BEFORE_NUMBER = '(?![\\p{N}]|[.,]\\d)'

/**
 * A number as written in Vietnamese: "1.234.567" (dots group thousands, optionally ",5" decimals),
 * "87,25" (decimal comma), "4.0" / "2.1.3" (dotted parts), "2025". In a list written without spaces
 * ("1,2,3") each integer is a number of its own. Never starts or ends inside a longer number.
 */
export const NUMBER =
  '(?:' +
  `${NOT_AFTER_NUMBER}\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?${NOT_BEFORE_NUMBER}` +
  `|${NOT_AFTER_NUMBER}\\d{1,3}(?:,\\d{3}){2,}${NOT_BEFORE_NUMBER}` +
  `|${NOT_AFTER_NUMBER}\\d+,\\d+${NOT_BEFORE_NUMBER}` +
  `|${NOT_AFTER_NUMBER}\\d+(?:\\.\\d+)+${NOT_BEFORE_NUMBER}` +
  '|(?<![\\p{N}]|\\p{N}\\.)\\d+(?![\\p{N}]|\\.\\d)' +
  ')'
