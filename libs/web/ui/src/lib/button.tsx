import { useState, type ButtonHTMLAttributes, type MouseEvent, type Ref } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'normal' | 'small';
  /** For moving the focus to the button, as a closing popup gives it back to what opened it. */
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'primary',
  size = 'normal',
  className,
  type = 'button',
  disabled,
  onClick,
  onFocus,
  onBlur,
  ...props
}: ButtonProps) {
  const [focused, setFocused] = useState(false);
  // A browser drops the focus of a button that becomes disabled to the top of the page, as Pin or Save
  // do while their request runs. The focused button is only marked disabled and ignores presses; it
  // takes the real `disabled` once the focus has left it.
  const softDisabled = !!disabled && focused;
  const classes = [
    'hx-button',
    `hx-button--${variant}`,
    size === 'small' ? 'hx-button--small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled && !softDisabled}
      aria-disabled={softDisabled || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (softDisabled) event.preventDefault();
        else onClick?.(event);
      }}
      onFocus={(event) => {
        setFocused(true);
        onFocus?.(event);
      }}
      onBlur={(event) => {
        setFocused(false);
        onBlur?.(event);
      }}
      {...props}
    />
  );
}
