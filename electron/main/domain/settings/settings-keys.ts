/** The app_settings keys, in one place so modules that read settings need not import the settings module. */
export const COMPANY_KEY = 'company';
export const QUOTES_KEY = 'quotes';
/** The HTTP gateway campaigns send SMS through; its authorization header value is stored encrypted. */
export const SMS_GATEWAY_KEY = 'campaigns.smsGateway';
