import { readFileSync } from 'fs';
import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Subscription-message templates; ids stay empty until the deployer fills them in. */
const declaredTemplates = JSON.parse(
  readFileSync(path.resolve(__dirname, 'subscribe-templates.json'), 'utf8'),
);
/**
 * The H5 build has no WeChat: its demo simulates the consent sheet, with the placeholder ids the
 * demo server gives unconfigured templates (core/notify/templates.ts useDemoTemplateIds). A district's
 * H5 never asks (password sign-in), and the weapp build always carries the declared ids.
 */
const subscribeTemplates = process.env.TARO_ENV === 'h5'
  ? Object.fromEntries(Object.entries(declaredTemplates).map(([key, t]: [string, any]) => [key, { ...t, templateId: t.templateId || `demo-${key}` }]))
  : declaredTemplates;

/**
 * The contract the pages share with the server (core/contract/: action names, catalog, limits). It
 * lives outside src, which Taro alone compiles by default, so both builds are told to compile it too.
 */
const shared = { include: [path.resolve(__dirname, '..', 'core', 'contract')] };

// NutUI styles are written for a 375 design and must not be px-transformed (selectorBlackList).
const pxtransform = { enable: true, config: { selectorBlackList: ['nut-'] } };
// H5 scales rem with the viewport; cap the root size so a desktop browser is not blown up 2x.
const h5Pxtransform = { enable: true, config: { selectorBlackList: ['nut-'], maxRootSize: 24 } };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yingshang-zhitong',
    date: '2026-11-23',
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // OUTPUT_ROOT lets parallel builds (two developers, CI) write to separate folders
    outputRoot: process.env.OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      SUBSCRIBE_TEMPLATES: JSON.stringify(subscribeTemplates),
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: shared,
      postcss: {
        pxtransform,
        url: { enable: true, config: { limit: 1024 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
        // NutUI and the Taro web components; share them between pages instead.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      postcss: {
        pxtransform: h5Pxtransform,
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
