export { startMailSink, type MailSink, type MailSinkOptions } from './sink';
export type { ReceivedMail } from './message';
