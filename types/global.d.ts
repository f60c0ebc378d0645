/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** the platform being built */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID: string;
    CLOUD_ENV?: string;
  }
}

/** One WeChat subscription-message template: its id and the map template key → our data key. */
interface SubscribeTemplate {
  templateId: string;
  /** 'once' (一次性订阅: one message per consent) or 'long' (长期订阅: one consent until withdrawn) */
  kind?: 'once' | 'long';
  /** what the user is told it is for (提醒设置) */
  name?: string;
  page?: string;
  fields: Record<string, 'no' | 'status' | 'title' | 'time' | 'remark'>;
}

/** Injected by config/index.ts from config/subscribe-templates.json. */
declare const SUBSCRIBE_TEMPLATES: {
  statusChanged: SubscribeTemplate;
  newAssignment: SubscribeTemplate;
};

/** Injected by config/index.ts from process.env.CLOUD_ENV ('' = the default environment). */
declare const CLOUD_ENV: string;
