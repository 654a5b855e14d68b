import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'normal' | 'small';
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
