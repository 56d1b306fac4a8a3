/** What the background tells the gateway script as it starts on an External Threat Feeds page. */
export interface GatewayPageStart {
  /** The Source Name this tab just submitted to this gateway, when this page should remind the person to commit it. */
  commitReminder?: string;
}
