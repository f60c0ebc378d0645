import { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.css';

// Initialise the cloud SDK before any page can call a function (module load precedes onLaunch).
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  // children is the page being shown
  return children;
}

export default App;
