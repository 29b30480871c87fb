import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Severity } from '../../report/standard/rules';

/** The four sides' colour: Griffel's shorthands object would bring all its helpers (5 KiB). */
function borderColour(colour: string) {
  return { borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: colour };
}

// Looks like Fluent's medium Badge (filled when there is something to count, outlined when not),
// at a fraction of its weight in taskpane.js: the Badge package is 13 KiB there.
const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    height: '20px',
    minWidth: '20px',
    // Fluent draws the border over the padding; here the border takes the place of a pixel of it.
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS} - ${tokens.strokeWidthThin})`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid transparent`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
  filledError: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  filledWarning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1Static },
  filledInfo: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  outlineError: { color: tokens.colorPaletteRedForeground3, ...borderColour(tokens.colorPaletteRedBorder2) },
  outlineWarning: { color: tokens.colorPaletteYellowForeground2, ...borderColour('currentColor') },
  outlineInfo: { color: tokens.colorNeutralForeground3, ...borderColour(tokens.colorNeutralStroke2) },
});

export interface CountBadgeProps {
  severity: Severity;
  /** Filled when there is something to count. */
  filled: boolean;
  children: ReactNode;
}

/** A count of findings of one severity, e.g. 错误 3. */
export function CountBadge({ severity, filled, children }: CountBadgeProps) {
  const styles = useStyles();
  const look = {
    error: filled ? styles.filledError : styles.outlineError,
    warning: filled ? styles.filledWarning : styles.outlineWarning,
    info: filled ? styles.filledInfo : styles.outlineInfo,
  }[severity];
  return <span className={mergeClasses(styles.root, look)}>{children}</span>;
}
