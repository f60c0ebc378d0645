/** A src an <Image> can show for a generated code: cloud file ids in WeChat, the served URL in a browser. */
export function codeSrc(image: { fileID: string; url: string }): string {
  if (process.env.TARO_ENV === 'weapp' && image.fileID.startsWith('cloud://')) return image.fileID;
  return image.url;
}
