import { useNavigate } from 'react-router';
import { isMobileLink } from '../../lib/notifications';

/** A phone path (/m/…) opens in the H5 app; a console path (an approver's link) loads the console. */
export function useOpenLink() {
  const navigate = useNavigate();
  return (link: string | null | undefined) => {
    if (!link) return;
    if (isMobileLink(link)) navigate(link.slice(2) || '/');
    else window.location.assign(link);
  };
}
