import type { MethodName } from './contract';

export const methodChannel = (method: MethodName) => `crm:${method}`;
export const EVENT_CHANNEL = 'crm:event';
