import { Label, makeStyles, tokens } from '@fluentui/react-components';
import { ReactNode, useId } from 'react';

// Laid out as Fluent's vertical Field (label above, hint below), without its 7 KiB in taskpane.js:
// the Label it uses comes with Radio and Checkbox anyway.
const useStyles = makeStyles({
  root: { display: 'grid', justifyItems: 'stretch' },
  label: {
    maxWidth: 'max-content',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
  },
  hint: {
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** The ids that tie a control to its label and hint. */
export interface LabelIds {
  id: string;
  labelId: string;
  hintId?: string;
}

export interface LabelledProps {
  label: string;
  hint?: string;
  /** The control, or a function that makes it from the ids (for a label that names it). */
  children: ReactNode | ((ids: LabelIds) => ReactNode);
}

/** A label above a control or a group of controls, and an optional hint below. */
export function Labelled({ label, hint, children }: LabelledProps) {
  const styles = useStyles();
  const id = useId();
  const ids: LabelIds = { id, labelId: `${id}-label`, hintId: hint ? `${id}-hint` : undefined };
  const named = typeof children === 'function';
  return (
    <div className={styles.root}>
      <Label id={ids.labelId} htmlFor={named ? id : undefined} className={styles.label}>
        {label}
      </Label>
      {named ? children(ids) : children}
      {hint && (
        <div id={ids.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
    </div>
  );
}
