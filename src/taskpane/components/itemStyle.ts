import { GriffelStyle, tokens } from '@fluentui/react-components';

/** A finding or a statement as a button the width of the pane, its text wrapping: a click selects its cells. */
export const CLICKABLE_ITEM: GriffelStyle = {
  justifyContent: 'flex-start',
  textAlign: 'left',
  alignItems: 'flex-start',
  fontWeight: tokens.fontWeightRegular,
  width: '100%',
  minWidth: 0,
  whiteSpace: 'normal',
  wordBreak: 'break-all',
};
