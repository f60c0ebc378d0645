/**
 * 隐私政策 and 用户协议, as WeChat's review asks every mini-program that collects personal information
 * to show them. The district that deploys the service is the operator; its name comes from the
 * deployment (the org tree's district), so one text serves every deployment.
 */
export type LegalDoc = { title: string; sections: Array<{ heading: string; paragraphs: string[] }> };

export const privacyPolicy = (operator: string): LegalDoc => ({
  title: '隐私政策',
  sections: [
    {
      heading: '一、我们是谁',
      paragraphs: [`“营商环境诉求直通”由${operator}营商环境优化中心运营，用于受理企业诉求、跟踪办理进度、开展公务入企扫码备案。`],
    },
    {
      heading: '二、我们收集哪些信息',
      paragraphs: [
        '1. 账号信息：微信身份标识（openid）、您填写的姓名和手机号；企业用户绑定企业时填写的企业名称和统一社会信用代码。',
        '2. 诉求信息：您提交的诉求类别、问题描述、照片和联系电话，以及补充材料、评价和办理记录。',
        '3. 入企记录：工作人员扫码入企时的签到、签退时间和位置（仅在签到、签退时获取一次，不持续定位），以及企业对入企的匿名评价。',
        '4. 提醒设置：您对微信订阅消息和短信提醒的选择。',
      ],
    },
    {
      heading: '三、我们如何使用这些信息',
      paragraphs: [
        '仅用于受理、分派、督办和答复您的诉求，向您推送办理进度，统计办理时效和满意度，以及公务入企备案和监督。不用于营销，不向任何商业机构提供。',
      ],
    },
    {
      heading: '四、信息的共享',
      paragraphs: [
        '您的诉求仅在办理所需的范围内提供给承办的网格员、特派员、调度中心和相关职能部门。对公务入企的投诉以匿名方式处理，被投诉的工作人员看不到投诉人。法律法规要求提供的除外。',
      ],
    },
    {
      heading: '五、信息的存储和保护',
      paragraphs: [
        '信息存储在中华人民共和国境内（微信云开发或本区政务云），传输加密，按岗位授权访问，所有查看和操作留有记录。诉求及办理记录按政务档案管理要求保存，期满后删除或匿名化。',
      ],
    },
    {
      heading: '六、您的权利',
      paragraphs: [
        '您可以在小程序中查看自己的诉求和办理记录，修改提醒设置，解除与企业的绑定。如需更正或删除个人信息、注销账号，请通过“消息中心”或拨打当地营商环境服务热线联系我们，我们将在15个工作日内答复。',
      ],
    },
    {
      heading: '七、未成年人',
      paragraphs: ['本服务面向企业经营者和公职人员，不面向未满14周岁的未成年人。'],
    },
    {
      heading: '八、政策的更新',
      paragraphs: ['本政策如有更新，将在小程序中公布；重大变化会以消息提醒您。'],
    },
  ],
});

export const userAgreement = (operator: string): LegalDoc => ({
  title: '用户协议',
  sections: [
    {
      heading: '一、服务内容',
      paragraphs: [`${operator}营商环境优化中心通过本小程序为企业提供诉求提交、进度查询、结果评价、公务入企监督等服务，为工作人员提供诉求办理和入企备案工具。本服务免费。`],
    },
    {
      heading: '二、账号',
      paragraphs: [
        '企业用户以微信身份登录，经企业现有联系人或网格员审核后绑定企业。工作人员凭管理员发出的邀请码开通账号。请妥善保管账号，不得转借他人。',
      ],
    },
    {
      heading: '三、您的承诺',
      paragraphs: [
        '如实反映问题，不提交虚假、重复恶意的诉求，不上传违法或侵犯他人权益的内容，不利用本服务骚扰工作人员或他人。违反的，我们可以不予受理并限制账号。',
      ],
    },
    {
      heading: '四、我们的承诺',
      paragraphs: [
        '诉求按规定时限受理、分派和办理，超期的自动提醒和督办；办理进度和结果及时告知您；您可以评价办理结果，不满意可以退回重办。',
      ],
    },
    {
      heading: '五、服务的中断',
      paragraphs: ['因系统维护、网络故障等原因暂停服务的，我们会尽快恢复；期间的办理时限按规定顺延。'],
    },
    {
      heading: '六、其他',
      paragraphs: ['本协议适用中华人民共和国法律。个人信息的处理见《隐私政策》。'],
    },
  ],
});
