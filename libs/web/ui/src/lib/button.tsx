import type { ButtonHTMLAttributes, Ref } from 'react';

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
  ...props
}: ButtonProps) {
  const classes = [
    'hx-button',
    `hx-button--${variant}`,
    size === 'small' ? 'hx-button--small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...props} />;
}
