/**
 * Speech engine: Vietnamese text-to-speech rendered to one MP3 plus a sentence/chapter timing map.
 * Pure library (no Payload). Default engine: eSpeak NG (WebAssembly); MP3 via lamejs.
 */
export { createEspeakEngine, ESPEAK_VOICES, MAX_RATE, MIN_RATE } from './espeak'
export { CODEC_DELAY_SAMPLES, MP3_BITRATES, readFrameHeader, readFrames, type Mp3FrameHeader } from './mp3'
export { sentencesFromPlainText } from './plain-text'
export { DEFAULT_PAUSES, renderSpeech, type Pauses, type RenderOptions } from './render'
export * from './types'
