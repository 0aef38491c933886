import type { messagingApi } from '@line/bot-sdk';
import type { MunicipalityConfig } from '@banmae/domain';

const BLUE = '#1d4f91';

function entryLine(entry: MunicipalityConfig['menu'][number]): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    contents: [
      { type: 'text', text: entry.labelTh, weight: 'bold', size: 'sm', color: BLUE, wrap: true },
      { type: 'text', text: entry.descriptionTh, size: 'sm', color: '#555555', wrap: true },
    ],
  };
}

/**
 * The reply to a follow or an unblock (free, as a reply): the municipality's name, what each rich-menu
 * entry does in the menu's own order, and a button to file a complaint. Wording from the configuration.
 */
export function greetingMessage(config: Pick<MunicipalityConfig, 'municipality' | 'menu' | 'greeting'>, liffBase: string): messagingApi.Message {
  const { greeting, municipality } = config;
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: BLUE,
      contents: [
        { type: 'text', text: greeting.titleTh, size: 'sm', color: '#ffffff', wrap: true },
        { type: 'text', text: municipality.nameTh, size: 'lg', weight: 'bold', color: '#ffffff', wrap: true },
      ],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [{ type: 'text', text: greeting.introTh, size: 'sm', wrap: true }, { type: 'separator' }, ...config.menu.map(entryLine)],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [{ type: 'button', style: 'primary', color: BLUE, action: { type: 'uri', label: greeting.buttonLabelTh, uri: `${liffBase}/?from=greeting` } }],
    },
  };
  return { type: 'flex', altText: `${greeting.titleTh} ${municipality.nameTh}`, contents: bubble };
}
